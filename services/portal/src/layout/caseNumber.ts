// The short case number is defined once, in the domain, for the portal, the letters and print.
export { caseNumberOf as shortCaseNumber } from '@kot/domain';
