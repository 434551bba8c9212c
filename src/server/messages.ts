import type { ErrorCode } from './errors.ts';

export type Locale = 'zh-CN' | 'en-US';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

type Catalog = {
  errors: Record<ErrorCode, string>;
  fields: Record<string, string>;
};

const zhCN: Catalog = {
  errors: {
    validation_failed: '提交的数据有误，请检查标出的字段',
    malformed_json: '请求体不是合法的 JSON',
    body_too_large: '文件或请求体过大，上限为 {limit}',
    unsupported_media_type: '不支持的内容类型',
    unauthenticated: '请先登录',
    invalid_credentials: '账号或密码错误',
    too_many_attempts: '尝试次数过多，请 {minutes} 分钟后再试',
    forbidden: '没有权限执行此操作',
    not_found: '记录不存在',
    conflict: '操作与当前数据冲突',
    duplicate: '该值已被使用',
    team_not_empty: '团队下还有成员或子团队，不能删除',
    team_cycle: '不能把团队移到它自己的下级团队中',
    last_admin: '至少要保留一名启用的管理员',
    user_inactive: '该用户已停用',
    wrong_password: '当前密码不正确',
    lead_already_qualified: '该线索已经转化为客户，不能重复转化',
    lead_already_disqualified: '该线索已被判定为无效，不能再转化',
    lead_duplicate: '已有相同手机号的跟进中线索',
    lead_closed: '已关闭的线索（已转化或无效）不能再分配',
    too_many_submissions: '提交过于频繁，请稍后再试',
    pipeline_not_empty: '该销售流程下还有 {count} 个商机，不能删除',
    stage_not_empty: '该阶段还有 {count} 个商机，请先移走再删除',
    last_open_stage: '销售流程至少要保留一个进行中的阶段',
    opportunity_closed: '商机已经关闭（赢单或输单），不能再推进或关闭',
    opportunity_not_closed: '商机还没有关闭，无需重新打开',
    stale_version: '商机已被他人修改，请刷新后再试',
    assignee_inactive: '{name} 已停用，不能接收线索',
    assignee_outside_team: '{name} 不在你管理的团队中，不能分配给他/她',
    already_claimed: '已被他人领取',
    claim_protected: '这条记录刚从你的私海掉落，保护期内（至 {until}）不能再领回',
    not_yet_claimable: '这条记录刚掉入公海，{until} 之后才能领取',
    claim_limit_reached: '今天的领取次数已用完（{limit} 条）',
    private_cap_reached: '私海已满（上限 {limit} 条），请先跟进或释放一些',
    not_pool_member: '你不是这个公海的成员',
    default_pool: '默认公海不能删除',
    not_record_owner: '这条记录不在你的私海中',
    internal: '服务器内部错误，请稍后再试',
  },
  fields: {
    required: '必填',
    mobile_empty: '请留下手机号或邮箱，否则无法联系',
    mobile_invalid: '手机号码无效，且没有可用的邮箱',
    contact_missing: '没有可用的手机号或邮箱',
    name_missing: '请填写姓名或公司名称',
    name_or_company_required: '表单至少要包含姓名或公司名称',
    contact_required: '表单至少要包含手机号或邮箱',
    outside_team: '不在您管理的团队内',
    closed: '已关闭',
    invalid_type: '类型不正确，应为 {expected}',
    too_small: '太短或太小（最小 {minimum}）',
    too_big: '太长或太大（最大 {maximum}）',
    invalid_format: '格式不正确',
    invalid_value: '取值无效',
    unrecognized_key: '不认识的字段',
    duplicate: '该值已被使用',
    invalid_mobile: '手机号码无效',
    invalid_reference: '引用的记录不存在',
    custom: '取值无效',
    zero_bytes: '文件是空的（0 字节）',
    blank: '文件里没有任何内容',
    header_only: '文件只有表头，没有数据行',
    binary: '这不是表格文件（CSV 或 XLSX）',
    unsupported_format: '不支持旧版 Excel（.xls），请另存为 .xlsx 或 .csv',
    unreadable: '文件已损坏或不是 XLSX',
    no_recognised_column: '没有一列能对应到客户字段，请检查表头',
    no_name_column: '至少要映射姓名、手机、公司名称或订单号中的一列',
    missing_required_column: '缺少必需的列（客户：姓名或任一证件/联系方式；订单：订单号和客户）',
    duplicate_field: '同一个字段被映射了多次',
    same_record: '不能与自己合并',
    company_only: '只有企业客户可以补全工商信息',
    none_configured: '没有配置工商信息来源',
    admin_needs_org_manage: '管理员角色必须保留组织管理权限',
    user_inactive: '该用户已停用',
    exactly_one: '只能选择一个人',
    must_list_every_rule: '必须列出全部规则，且每条只出现一次',
    unknown_stage: '阶段不存在或不属于该商机的销售流程',
    closed_stage: '赢单/输单请使用“赢单”“输单”操作',
    must_list_every_stage: '必须按新顺序列出该流程的全部阶段',
    before_from: '结束日期必须晚于开始日期',
    period_too_long: '统计区间最长三年',
    unknown_level: '这个公海没有这个客户等级',
    same_as_from: '不能转交给本人',
    no_active_members: '该团队没有可接收的在职成员',
    private_cap: '对方私海已满',
    private_address: '不能推送到本机或内网地址，请填写公网可访问的地址',
  },
};

const enUS: Catalog = {
  errors: {
    validation_failed: 'Some fields are invalid; see the fields marked',
    malformed_json: 'The request body is not valid JSON',
    body_too_large: 'The file or request body is too large; the limit is {limit}',
    unsupported_media_type: 'Unsupported content type',
    unauthenticated: 'Please log in first',
    invalid_credentials: 'Wrong account or password',
    too_many_attempts: 'Too many attempts; try again in {minutes} minutes',
    forbidden: 'You are not allowed to do this',
    not_found: 'Not found',
    conflict: 'This conflicts with the current data',
    duplicate: 'This value is already in use',
    team_not_empty: 'The team still has members or sub-teams and cannot be deleted',
    team_cycle: 'A team cannot be moved under one of its own sub-teams',
    last_admin: 'At least one active administrator must remain',
    user_inactive: 'This user is deactivated',
    wrong_password: 'The current password is wrong',
    lead_already_qualified: 'This lead has already been qualified into a customer',
    lead_already_disqualified: 'This lead has been disqualified and cannot be converted',
    lead_duplicate: 'An open lead with this mobile number already exists',
    lead_closed: 'Closed leads (qualified or disqualified) cannot be assigned',
    too_many_submissions: 'Too many submissions; please try again later',
    pipeline_not_empty: 'The pipeline still holds {count} opportunities and cannot be deleted',
    stage_not_empty: 'The stage still holds {count} opportunities; move them before deleting it',
    last_open_stage: 'A pipeline needs at least one open stage',
    opportunity_closed: 'The opportunity is already closed (won or lost)',
    opportunity_not_closed: 'The opportunity is not closed',
    stale_version: 'Someone else changed this opportunity; refresh and try again',
    assignee_inactive: '{name} is deactivated and cannot receive leads',
    assignee_outside_team: '{name} is not in a team you manage',
    already_claimed: 'Someone else has already claimed it',
    claim_protected: 'It just fell from your private pool; you cannot claim it back until {until}',
    not_yet_claimable: 'It just fell into the public pool; it can be claimed from {until}',
    claim_limit_reached: 'You have used today’s claims ({limit})',
    private_cap_reached: 'Your private pool is full ({limit}); follow up or release some first',
    not_pool_member: 'You are not a member of this pool',
    default_pool: 'The default pool cannot be deleted',
    not_record_owner: 'This record is not in your private pool',
    internal: 'Internal server error; please try again later',
  },
  fields: {
    required: 'Required',
    mobile_empty: 'Leave a mobile number or an e-mail, or nobody can reach you',
    mobile_invalid: 'The mobile number is invalid and there is no usable e-mail',
    contact_missing: 'No usable mobile number or e-mail',
    name_missing: 'A name or a company name is needed',
    name_or_company_required: 'The form needs a name or company field',
    contact_required: 'The form needs a mobile or e-mail field',
    outside_team: 'Outside the teams you manage',
    closed: 'Closed',
    invalid_type: 'Wrong type, expected {expected}',
    too_small: 'Too short or too small (minimum {minimum})',
    too_big: 'Too long or too large (maximum {maximum})',
    invalid_format: 'Invalid format',
    invalid_value: 'Invalid value',
    unrecognized_key: 'Unknown field',
    duplicate: 'This value is already in use',
    invalid_mobile: 'Invalid mobile number',
    invalid_reference: 'The referenced record does not exist',
    custom: 'Invalid value',
    zero_bytes: 'The file is empty (0 bytes)',
    blank: 'The file has no content',
    header_only: 'The file has a header row and no data',
    binary: 'This is not a table file (CSV or XLSX)',
    unsupported_format: 'Old Excel files (.xls) are not supported: save as .xlsx or .csv',
    unreadable: 'The file is damaged or not an XLSX workbook',
    no_recognised_column: 'No column matches a customer field; check the header row',
    no_name_column: 'Map at least one of name, mobile, company name or order number',
    missing_required_column: 'A needed column is missing (customers: a name or any identity; orders: order number and customer)',
    duplicate_field: 'A field is mapped more than once',
    same_record: 'A record cannot be merged with itself',
    company_only: 'Only companies can be enriched from the registry',
    none_configured: 'No company registry is configured',
    admin_needs_org_manage: 'The admin role must keep the organisation permission',
    user_inactive: 'This user is deactivated',
    exactly_one: 'Choose exactly one person',
    must_list_every_rule: 'List every rule exactly once',
    unknown_stage: 'Unknown stage, or a stage of another pipeline',
    closed_stage: 'Use the won or lost action to close an opportunity',
    must_list_every_stage: 'List every stage of the pipeline in the new order',
    before_from: 'The end must come after the start',
    period_too_long: 'The period may be at most three years',
    unknown_level: 'This pool has no such customer level',
    same_as_from: 'Cannot hand over to the same person',
    no_active_members: 'The team has no active member to receive it',
    private_cap: 'Their private pool is full',
    private_address: 'Webhooks cannot reach this host or the private network; give a public address',
  },
};

export const catalogs: Record<Locale, Catalog> = { 'zh-CN': zhCN, 'en-US': enUS };

/** A size limit for messages: "300 MB", "1 MB", "512 KB" (binary units, as limits are set). */
export function formatByteLimit(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

function fill(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

export function errorMessage(locale: Locale, code: ErrorCode, params: Record<string, unknown> = {}): string {
  return fill(catalogs[locale].errors[code], params);
}

/** A field message by key; unknown keys pass through so services may give their own text. */
export function fieldMessage(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const template = catalogs[locale].fields[key];
  return template ? fill(template, params) : key;
}

/** Picks zh-CN or en-US from an Accept-Language header; zh-CN is the default. */
export function localeFromHeader(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const tags = header
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { tag: (tag ?? '').toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en-US';
  }
  return undefined;
}
