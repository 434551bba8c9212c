import { normalizePersonName as n, comparePersonNames as c } from '../../../src/modules/dedupe/rules/person-name.ts';
for (const x of ['张三', '張三', 'Zhang San', 'San Zhang', 'Emily Chen', 'Chen Emily', '欧阳娜', '单雄信', '王先生', '李女士', '张总', '吕布', 'Lv Bu', '买买提·艾力', 'Xiao Ming Zhang', 'ZHANG Xiao-ming', '王总', '总']) console.log(x, JSON.stringify(n(x)));
const pairs = [['张三','San Zhang'],['张伟','张玮'],['张伟','张强'],['张伟明','张明伟'],['张建国','张建华'],['王先生','王伟'],['Emily Chen','Chen Emily'],['张晓明','Xiao Ming Zhang'],['张晓明','Zhang Xiaoming'], ['李娜','Li Na'], ['张军','张浑']];
for (const [a,b] of pairs) console.log(a,b, c(n(a!),n(b!)));
