import type { AimdSettings } from '../concurrency/index.js';
import { INITIAL_LANE_BURST_SECONDS, INITIAL_LANE_RATE, LANE_RATE_DECREASE, LANE_RATE_INCREASE, MAX_LANE_RATE, MIN_LANE_RATE } from './constants.js';

/** How a scheduler lane's rate moves by default (constants.ts). */
export const DEFAULT_AIMD_SETTINGS: AimdSettings = {
  initialRate: INITIAL_LANE_RATE,
  initialBurstSeconds: INITIAL_LANE_BURST_SECONDS,
  minRate: MIN_LANE_RATE,
  maxRate: MAX_LANE_RATE,
  increasePerSecond: LANE_RATE_INCREASE,
  decreaseFactor: LANE_RATE_DECREASE,
};
