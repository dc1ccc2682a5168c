export { JOINT_CODES, type JointCode } from './codes.js';
export {
  JOINT_WIRE_VERSION,
  JOINT_SHARD_ID_MAX,
  jointShardDigest,
  jointProgramDigest,
  jointShardRef,
  encodeJointShard,
  decodeJointShard,
  type JointPublicMaterialMessage,
  type JointShardTableMessage,
  type JointShard,
  type JointShardRef,
  type JointResultShard,
  type JointResultMessage,
} from './wire.js';
export {
  JOINT_PARAM_SETS,
  createJointKeys,
  needsRelinKeys,
  runTeeHeResultForJoint,
  jointShardFromTeeResult,
  openJointResult,
  type JointKeys,
  type JointKeyOptions,
  type TeeHeResultShape,
  type TeeHeRawResult,
  type JointResultExpectation,
} from './lessee.js';
export { jointContext, releaseJointContexts } from './context.js';
export { runJointParty, type JointPartyInput, type JointPartyLimits, type JointPartyPolicy, type JointPartyResult, type JointPartyStats } from './party.js';
