/** What a file holds: customers (persons or companies), orders, or leads (a call list, a trade-show sheet). */
export type ImportType = 'customers' | 'orders' | 'leads';

/** Fields a column of a customer file can map to. */
export type CustomerField =
  | 'name'
  | 'kind'
  | 'mobile'
  | 'email'
  | 'nationalId'
  | 'creditCode'
  | 'companyName'
  | 'province'
  | 'city'
  | 'district'
  | 'street'
  | 'address'
  | 'industry'
  | 'source'
  | 'externalId'
  | 'note'
  | 'tags';

/** Fields a column of an order file can map to. */
export type OrderField =
  | 'orderNo'
  | 'orderedAt'
  | 'amount'
  | 'items'
  | 'quantity'
  | 'customerName'
  | 'customerMobile'
  | 'customerExternalId'
  | 'channel';

/**
 * Fields a column of a lead file can map to: the customer fields a lead has (companyName becomes
 * the lead's company, source its channel, note its notes) and the lead's own title and size.
 */
export type LeadField =
  | 'name'
  | 'mobile'
  | 'email'
  | 'creditCode'
  | 'companyName'
  | 'title'
  | 'companySize'
  | 'province'
  | 'city'
  | 'district'
  | 'address'
  | 'industry'
  | 'source'
  | 'note';

export type FieldKey = CustomerField | OrderField | LeadField;

export const CUSTOMER_FIELDS: readonly CustomerField[] = [
  'name',
  'kind',
  'mobile',
  'email',
  'nationalId',
  'creditCode',
  'companyName',
  'province',
  'city',
  'district',
  'street',
  'address',
  'industry',
  'source',
  'externalId',
  'note',
  'tags',
];

export const ORDER_FIELDS: readonly OrderField[] = [
  'orderNo',
  'orderedAt',
  'amount',
  'items',
  'quantity',
  'customerName',
  'customerMobile',
  'customerExternalId',
  'channel',
];

export const LEAD_FIELDS: readonly LeadField[] = [
  'name',
  'mobile',
  'email',
  'creditCode',
  'companyName',
  'title',
  'companySize',
  'province',
  'city',
  'district',
  'address',
  'industry',
  'source',
  'note',
];

export function fieldsOf(type: ImportType): readonly FieldKey[] {
  switch (type) {
    case 'customers':
      return CUSTOMER_FIELDS;
    case 'orders':
      return ORDER_FIELDS;
    case 'leads':
      return LEAD_FIELDS;
  }
}

export function isFieldOf(type: ImportType, field: string): field is FieldKey {
  return (fieldsOf(type) as readonly string[]).includes(field);
}
