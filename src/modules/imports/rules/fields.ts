/** What a file holds: customers (persons or companies) or orders. */
export type ImportType = 'customers' | 'orders';

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
  | 'note';

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

export type FieldKey = CustomerField | OrderField;

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

export function fieldsOf(type: ImportType): readonly FieldKey[] {
  switch (type) {
    case 'customers':
      return CUSTOMER_FIELDS;
    case 'orders':
      return ORDER_FIELDS;
  }
}

export function isFieldOf(type: ImportType, field: string): field is FieldKey {
  return (fieldsOf(type) as readonly string[]).includes(field);
}
