import { defineQuery } from '@temporalio/workflow';
import type { CycleStatus } from '../contracts';

export const cycleStatusQuery = defineQuery<CycleStatus>('cycleStatus');
