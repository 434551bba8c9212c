export { fillDemoTenant } from './demo.service.ts';
export { generateDemoData } from './demo-data.ts';
