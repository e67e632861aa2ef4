/** Everything the section builders read, computed once per note. */
import type { Finding } from '../../../common/findings';
import type { Casing } from './draft';
import type { PatientProfile } from './profile';
import type { QaStatement } from './qa';
import type { Routed } from './route';
import type { Unit } from './units';

export type ComposeContext = {
  units: readonly Unit[];
  routed: readonly Routed[];
  profile: PatientProfile;
  qa: readonly QaStatement[];
  findings: readonly Finding[];
  casing: Casing;
};
