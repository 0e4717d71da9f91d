import { resourceRefKey, type DraftPolicy } from './policy-draft';

/**
 * Puts the API's errors for a policy-set request where they belong: on the policy card, and on
 * the permission group or resource group entry the pointer names. The request was built from the
 * draft in order, so /policies/2 is the draft's third policy, /permission_groups/1 its second
 * permission group. Errors without a usable pointer go to the banner.
 */

export interface PolicyErrorSet {
  /** About the policy as a whole (/policies/i, /policies/i/id, /policies/i/access). */
  general: string[];
  /** About the list itself (e.g. "must list at least one"). */
  permissionGroupsList?: string;
  resourceGroupsList?: string;
  /** By permission group id. */
  permissionGroups: Record<string, string>;
  /** By resourceRefKey(). */
  resourceGroups: Record<string, string>;
}

export interface PlacedErrors {
  byPolicy: Record<string, PolicyErrorSet>;
  /** Messages no policy or entry claims. */
  unplaced: string[];
}

export interface ErrorDetail {
  code: number;
  message: string;
  pointer?: string;
}

const POINTER = /^\/policies\/(\d+)(?:\/(permission_groups|resource_groups|access|id)(?:\/(\d+)(?:\/.*)?)?)?$/;

export function placePolicyErrors(errors: readonly ErrorDetail[], sent: readonly DraftPolicy[]): PlacedErrors {
  const out: PlacedErrors = { byPolicy: {}, unplaced: [] };
  const text = (e: ErrorDetail) => (e.code ? `${e.message} (code ${e.code})` : e.message);
  for (const e of errors) {
    const match = e.pointer ? POINTER.exec(e.pointer) : null;
    const policy = match ? sent[Number(match[1])] : undefined;
    if (!match || !policy) {
      out.unplaced.push(text(e));
      continue;
    }
    const set = (out.byPolicy[policy.key] ??= { general: [], permissionGroups: {}, resourceGroups: {} });
    const [, , field, index] = match;
    if (field === 'permission_groups') {
      const id = index !== undefined ? policy.permissionGroups[Number(index)] : undefined;
      if (id !== undefined) set.permissionGroups[id] = set.permissionGroups[id] ? `${set.permissionGroups[id]}; ${text(e)}` : text(e);
      else set.permissionGroupsList = text(e);
    } else if (field === 'resource_groups') {
      const ref = index !== undefined ? policy.resourceGroups[Number(index)] : undefined;
      if (ref) {
        const k = resourceRefKey(ref);
        set.resourceGroups[k] = set.resourceGroups[k] ? `${set.resourceGroups[k]}; ${text(e)}` : text(e);
      } else set.resourceGroupsList = text(e);
    } else set.general.push(text(e));
  }
  return out;
}

export function errorCount(placed: PlacedErrors): number {
  return Object.keys(placed.byPolicy).length + placed.unplaced.length;
}
