import { writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { readRows } from '/work/main/src/modules/imports/parse/read-rows.ts';
const dir = '/tmp/exp/';
const text = '客户名称,手机,地址\r\n张三,13812345678,"浙江省杭州市\r\n西湖区"\r\n李四,13912345678,北京\r\n\r\n王五,"bad,13700000000\r\n赵六,1,2,3\r\n';
writeFileSync(dir + 'a.csv', '\ufeff' + text);
writeFileSync(dir + 'b.csv', iconv.encode(text, 'gbk'));
writeFileSync(dir + 'c.csv', text.replaceAll(',', '\t'));
for (const f of ['a.csv', 'b.csv', 'c.csv']) {
  const r = await readRows(dir + f);
  console.log(f, r.encoding, JSON.stringify(r.delimiter), r.header);
  for await (const row of r.rows) console.log(JSON.stringify(row));
}
