import type { CustomerField, LeadField, OrderField } from './fields.ts';

/**
 * Header texts that name a field, as found in online-shop exports (淘宝, 京东, 拼多多, 抖店),
 * ERP exports, dealer sheets and call lists. `strong` names say exactly this field; `weak` ones
 * usually do but are generic (名称, 电话, 日期, id). Earlier entries win ties.
 */
export type Synonyms = { strong: readonly string[]; weak: readonly string[] };

export const CUSTOMER_SYNONYMS: Record<CustomerField, Synonyms> = {
  name: {
    strong: ['客户名称', '客户姓名', '姓名', '客户名', '联系人', '联系人姓名', '会员姓名', '会员名称', '收货人', '收货人姓名', 'customer name', 'full name', 'contact name'],
    weak: ['名称', '名字', '客户', '买家', 'name', 'customer', 'contact'],
  },
  kind: {
    strong: ['客户类型', '客户性质', '客户类别', 'customer type', 'kind'],
    weak: ['类型', '类别', '性质', 'type'],
  },
  mobile: {
    strong: ['手机', '手机号', '手机号码', '移动电话', '联系手机', '联系人手机', '收货人手机', 'mobile', 'mobile phone', 'cellphone'],
    weak: ['电话', '联系电话', '电话号码', '联系方式', '收货人电话', 'phone', 'tel', 'telephone', 'phone number'],
  },
  email: {
    strong: ['邮箱', '电子邮箱', '电子邮件', '邮件地址', 'email', 'e-mail', 'email address'],
    weak: ['邮件', 'mail'],
  },
  nationalId: {
    strong: ['身份证', '身份证号', '身份证号码', '居民身份证', '身份证件号码', 'national id', 'id card', 'id card number'],
    weak: ['证件号', '证件号码', 'id number', 'id no'],
  },
  creditCode: {
    strong: ['统一社会信用代码', '社会信用代码', '信用代码', '纳税人识别号', 'uscc', 'credit code', 'unified social credit code'],
    weak: ['税号', '营业执照号', 'tax id', 'tax number'],
  },
  companyName: {
    strong: ['公司名称', '企业名称', '单位名称', '公司', '企业', '单位', '工作单位', '所属公司', 'company', 'company name'],
    weak: ['组织', '机构', 'organization', 'organisation', 'employer'],
  },
  province: {
    strong: ['省', '省份', '所在省', '所在省份', '省/直辖市', '省份/直辖市', 'province'],
    weak: ['state'],
  },
  city: {
    strong: ['市', '城市', '所在城市', '地级市', 'city'],
    weak: ['地市'],
  },
  district: {
    strong: ['区', '区县', '县区', '区/县', '所在区县', 'district', 'county'],
    weak: ['县'],
  },
  street: {
    strong: ['街道', '乡镇', '街道/乡镇', '乡镇/街道', 'street', 'town'],
    weak: [],
  },
  address: {
    strong: ['地址', '详细地址', '收货地址', '联系地址', '通讯地址', '通信地址', '家庭住址', '住址', '办公地址', '公司地址', '注册地址', '所在地区', '所在地', 'address', 'full address', 'street address'],
    weak: ['地区', '省市区', 'location', 'region'],
  },
  industry: {
    strong: ['行业', '所属行业', '行业类别', 'industry'],
    weak: ['sector'],
  },
  source: {
    strong: ['来源', '客户来源', '来源渠道', '获客渠道', '渠道', 'source', 'lead source', 'channel'],
    weak: ['平台', '店铺'],
  },
  externalId: {
    strong: ['客户编号', '客户id', '客户代码', '会员编号', '会员id', '会员号', '外部编号', '外部id', '用户id', 'customer id', 'external id', 'member id'],
    weak: ['编号', '序号', 'id', 'no'],
  },
  note: {
    strong: ['备注', '客户备注', '说明', 'note', 'notes', 'remark', 'remarks', 'memo'],
    weak: ['描述', '其他', 'comment', 'comments', 'description'],
  },
  tags: {
    strong: ['标签', '客户标签', '会员标签', '用户标签', '买家标签', '标签名称', 'tags', 'tag', 'labels', 'customer tags'],
    weak: ['分组', '客户分组', '会员分组', 'label', 'group', 'groups'],
  },
};

export const ORDER_SYNONYMS: Record<OrderField, Synonyms> = {
  orderNo: {
    strong: ['订单号', '订单编号', '订单id', '主订单编号', '子订单编号', '外部订单号', '交易号', '交易编号', 'order no', 'order number', 'order id'],
    weak: ['单号', '编号', 'order', 'no'],
  },
  orderedAt: {
    strong: ['下单时间', '订单时间', '订单创建时间', '创建时间', '下单日期', '订单日期', '交易时间', '成交时间', '付款时间', '支付时间', 'order time', 'order date', 'ordered at', 'created at', 'paid at'],
    weak: ['时间', '日期', 'date', 'time'],
  },
  amount: {
    strong: ['金额', '订单金额', '实付金额', '实付款', '买家实付', '买家实际支付金额', '实际支付金额', '支付金额', '付款金额', '实收金额', '成交金额', '总金额', '订单总额', 'amount', 'total', 'order amount', 'paid amount', 'total amount'],
    weak: ['合计', '总价', '价格', 'price'],
  },
  items: {
    strong: ['商品', '商品名称', '商品标题', '宝贝标题', '宝贝名称', '产品', '产品名称', '商品明细', 'items', 'item', 'product', 'product name', 'goods'],
    weak: ['明细', '品名', '标题', 'title'],
  },
  quantity: {
    strong: ['数量', '购买数量', '商品数量', '件数', 'quantity', 'qty'],
    weak: ['count'],
  },
  customerName: {
    strong: ['客户名称', '客户姓名', '客户', '买家', '买家姓名', '收货人', '收货人姓名', '会员名称', '会员姓名', '姓名', 'customer', 'customer name', 'buyer', 'buyer name'],
    weak: ['名称', '联系人', 'name'],
  },
  customerMobile: {
    strong: ['客户手机', '客户手机号', '买家手机', '买家手机号', '收货人手机', '收货人手机号', '联系手机', '手机', '手机号', '手机号码', 'buyer mobile', 'customer mobile', 'mobile'],
    weak: ['电话', '联系电话', '收货人电话', 'phone', 'tel'],
  },
  customerExternalId: {
    strong: ['客户编号', '客户id', '会员编号', '会员id', '买家id', '买家会员名', '买家昵称', 'customer id', 'member id', 'buyer id'],
    weak: ['会员号', '用户id'],
  },
  channel: {
    strong: ['渠道', '销售渠道', '来源渠道', '店铺', '店铺名称', '平台', '来源', 'channel', 'shop', 'store', 'platform'],
    weak: ['source'],
  },
};

/** A lead file names people and companies as a customer file does, plus the person's title and the company's size. */
export const LEAD_SYNONYMS: Record<LeadField, Synonyms> = {
  name: { strong: [...CUSTOMER_SYNONYMS.name.strong, '线索名称', '线索姓名', 'lead name'], weak: CUSTOMER_SYNONYMS.name.weak },
  mobile: CUSTOMER_SYNONYMS.mobile,
  email: CUSTOMER_SYNONYMS.email,
  creditCode: CUSTOMER_SYNONYMS.creditCode,
  companyName: CUSTOMER_SYNONYMS.companyName,
  title: {
    strong: ['职位', '职务', '岗位', '头衔', '职称', '联系人职位', '联系人职务', 'job title', 'title', 'position', 'job'],
    weak: ['角色', '部门职位', 'role'],
  },
  companySize: {
    strong: ['公司规模', '企业规模', '人员规模', '员工人数', '员工数', '公司人数', '企业人数', '人数', '规模', 'company size', 'headcount', 'employees', 'number of employees', 'employee count'],
    weak: ['人员', 'size', 'staff'],
  },
  province: CUSTOMER_SYNONYMS.province,
  city: CUSTOMER_SYNONYMS.city,
  district: CUSTOMER_SYNONYMS.district,
  address: CUSTOMER_SYNONYMS.address,
  industry: CUSTOMER_SYNONYMS.industry,
  source: CUSTOMER_SYNONYMS.source,
  note: CUSTOMER_SYNONYMS.note,
};
