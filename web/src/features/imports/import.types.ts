export type ImportType = 'customers' | 'orders' | 'leads';

export const IMPORT_TYPES = ['customers', 'orders', 'leads'] as const satisfies readonly ImportType[];
export type ImportStatus = 'draft' | 'queued' | 'running' | 'done' | 'failed' | 'reverted';
export type ImportCounts = { read: number; created: number; updated: number; merged: number; rejected: number };

/** File header → target field. Headers left out are ignored. */
export type FieldMapping = Record<string, string>;

export type Import = {
  id: string;
  type: ImportType;
  channel: string;
  fileName: string;
  fileSize: number;
  encoding: string | null;
  mapping: FieldMapping;
  status: ImportStatus;
  doneLine: number;
  counts: ImportCounts;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
};

/** The answer to an upload: what the server read from the file, before anything is imported. */
export type ImportPreview = {
  importId: string;
  /** Data rows in the file when the server could count them cheaply. */
  lineCount?: number | null;
  encoding: string;
  headers: string[];
  mapping: FieldMapping;
  unmappedHeaders: string[];
  sample: string[][];
  template: string | null;
};

export type ImportTemplate = { name: string; type: ImportType; mapping: FieldMapping; updatedAt: string };

export const COUNT_KEYS = ['read', 'created', 'updated', 'merged', 'rejected'] as const satisfies readonly (keyof ImportCounts)[];
