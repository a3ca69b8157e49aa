export { canonicalJson, NotJsonError } from './canonicalJson';
export {
  canonicalEventBody,
  eventHash,
  verifyHashChain,
  writerMetadata,
  type ChainLink,
  type EventBody,
} from './hashChain';
