import { checkPhone } from '../../../src/lib/phone.ts';
let t = performance.now();
for (let i = 0; i < 20000; i++) checkPhone('１３８' + String(10000000 + i * 37).slice(0, 8));
console.log('checkPhone', performance.now() - t, checkPhone('１３８１２３４５６７８'), checkPhone('+86 138-1234-5678'), checkPhone('0571-88886666'));
