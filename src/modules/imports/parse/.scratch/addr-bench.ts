import { parseAddress } from '../../../../lib/address/parse-address.ts';
import { cleanText } from '../../rules/clean-text.ts';
import { readPhoneCell } from '../../rules/phone-cell.ts';
const addrs = Array.from({ length: 1000 }, (_, i) => ['浙江省杭州市西湖区文三路', '北京市朝阳区建国路', '上海市浦东新区世纪大道', '广东省深圳市南山区科技园路'][i % 4] + `${i}号`);
parseAddress('x');
for (let w = 0; w < 3; w++) { const t = performance.now(); for (let k = 0; k < 100; k++) for (const a of addrs) parseAddress(a); console.log('parseAddress µs', ((performance.now() - t) * 1000 / 100000).toFixed(2)); }
const t2 = performance.now(); for (let k = 0; k < 100; k++) for (const a of addrs) cleanText(a); console.log('cleanText µs', ((performance.now() - t2) * 1000 / 100000).toFixed(2));
const t3 = performance.now(); for (let k = 0; k < 100; k++) for (let i = 0; i < 1000; i++) readPhoneCell('138' + String(10000000 + i * 7919).slice(0, 8)); console.log('phone µs', ((performance.now() - t3) * 1000 / 100000).toFixed(2));
