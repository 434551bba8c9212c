export { registerImportRoutes } from './imports.routes.ts';
export { runImportJob } from './imports.jobs.ts';
export { uploadImport, startImport, runImport, getImport, revertImport, unfinishedImports } from './imports.service.ts';
