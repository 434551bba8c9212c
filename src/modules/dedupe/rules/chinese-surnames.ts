import { pinyin } from 'pinyin-pro';

/**
 * Chinese surnames, for splitting a Han name into surname and given name, for recognising
 * 王先生 as "a person surnamed 王", and for guessing which token of a Latin name is the
 * family name (Wei Zhang / Zhang Wei).
 */

/** The ~200 most common single-character surnames (about 96% of the population). */
const SINGLE =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁沈' +
  '姚卢钟姜崔谭陆范汪廖石金贾夏方邹熊白孟秦邱江顾侯邵万段雷钱汤尹易常武乔贺赖龚文庞樊兰殷施陶洪翟安颜倪严' +
  '牛温芦季俞章鲁葛伍韦申尤毕聂焦向柳邢岳齐梅莫庄辛管祝左涂谷祁时舒耿牟卜詹关苗凌费纪靳盛童欧甄项曲成游阳' +
  '裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵解强柴华车冉房边辜吉饶刁瞿戚丘古米池滕晋苑邬臧畅宫来' +
  '缪苟全褚廉简娄盖符奚木穆党燕郎邸冀谈姬屠连郝蓝卓';

export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文',
  '司徒', '夏侯', '轩辕', '端木', '独孤', '南宫', '西门', '百里', '呼延', '澹台', '公冶', '太史',
  '申屠', '钟离', '闻人', '赫连', '万俟', '濮阳', '淳于', '单于', '拓跋', '第五', '东郭', '左丘',
];

const SINGLE_SET = new Set([...SINGLE]);
const COMPOUND_SET = new Set(COMPOUND_SURNAMES);

/** Other romanisations seen on business cards and passports (Hong Kong, Taiwan, Singapore, Malaysia). */
const OTHER_ROMANISATIONS = [
  'wong', 'lee', 'chan', 'cheung', 'chiu', 'chow', 'chu', 'ho', 'hui', 'kwok', 'kwan', 'lai', 'lam',
  'lau', 'leung', 'lo', 'mak', 'ng', 'tam', 'tang', 'tsang', 'tse', 'tsui', 'yeung', 'yip', 'yuen',
  'chang', 'chao', 'cheng', 'chien', 'chou', 'hsu', 'hsieh', 'kuo', 'tsai', 'tseng', 'chiang', 'hsiao',
  'lim', 'tan', 'goh', 'teo', 'ong', 'koh', 'ang', 'low', 'yap', 'choo', 'soh', 'toh', 'lyu', 'lu',
];

export const SURNAME_ROMANISATIONS: ReadonlySet<string> = new Set([
  ...[...SINGLE_SET, ...COMPOUND_SET].map((s) =>
    pinyin(s, { surname: 'all', toneType: 'none', type: 'array', v: true }).join(''),
  ),
  ...OTHER_ROMANISATIONS,
]);

/** Length of the surname at the start of a Han name: 2 for 欧阳娜, 1 otherwise. */
export function surnameLength(han: string): number {
  const chars = [...han];
  if (chars.length >= 3 && COMPOUND_SET.has(chars.slice(0, 2).join(''))) return 2;
  return Math.min(1, chars.length);
}

export function isSurname(han: string): boolean {
  return SINGLE_SET.has(han) || COMPOUND_SET.has(han);
}
