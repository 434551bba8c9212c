export { parseAddress, type ParsedAddress } from './parse-address.ts';
export { divisionIndex, type DivisionIndex, type Province, type City, type District, type Street } from './division-index.ts';
