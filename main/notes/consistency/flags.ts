export { ConsistencyFlag, FLAG_KINDS, FlagKind } from '../../../common/consistency';
