import type { SandboxApiShapes } from '../../config.ts';
import type { ActsOn } from '../db/seed-catalogue-permission-groups.ts';
import type { ResourceClass } from '../resource-groups/model.ts';

/**
 * Rule 1006: what each kind of permission group may be granted on. Today's API refuses every other
 * pairing; an account group on zones or on Workers, a zone group on the whole account or on
 * Workers, a Workers role on zones (a Workers role on the whole account reaches every Worker).
 */
const GRANTABLE_ON: Record<ActsOn, ReadonlySet<ResourceClass>> = {
  account: new Set(['account']),
  zone: new Set(['zone']),
  worker: new Set(['account', 'worker']),
};

const ACTS_ON: Record<ActsOn, string> = { account: 'the account', zone: 'zones', worker: 'Workers' };
const FIX: Record<ActsOn, string> = {
  account: 'use an account-wide resource group',
  zone: 'use a resource group of zones',
  worker: 'use a resource group of Workers, or the whole account',
};

/**
 * The first resource group a permission group cannot be granted on, in words, or null. `reached`
 * maps each class of resource in the policy to the first resource group that reaches it. The 2024
 * era refused only account-level groups on zones (and knew no Workers); its zone groups could go
 * on the whole account.
 */
export function combinationClash(
  permissionGroupName: string,
  actsOn: ActsOn,
  reached: ReadonlyMap<ResourceClass, string>,
  shapes: SandboxApiShapes,
): string | null {
  for (const [resourceClass, where] of reached) {
    if (GRANTABLE_ON[actsOn].has(resourceClass)) continue;
    if (shapes !== 'today' && actsOn === 'zone' && resourceClass === 'account') continue;
    const what = resourceClass === 'account' ? 'the whole account' : `${where}, which acts on ${ACTS_ON[resourceClass]}`;
    return `"${permissionGroupName}" acts on ${ACTS_ON[actsOn]} and cannot be granted on ${what}; ${FIX[actsOn]}`;
  }
  return null;
}
