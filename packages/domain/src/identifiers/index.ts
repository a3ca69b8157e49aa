export { isValidBsn, syntheticBsn } from './bsn';
export { isMunicipalityCode } from './municipalityCode';
export { isLrkNumber } from './lrkNumber';
export { caseNumberOf } from './caseNumber';
