// A feature reaching into another one, written the way it happens: a short relative path…
import { betaLabel } from '../beta/beta-model';
// …or through the `@/` alias (src/).
import { betaLabel as sameLabel } from '@/features/beta/beta-model';
// Its own files are fine.
import { alphaLabel } from './alpha-model';

export const view = `${alphaLabel} ${betaLabel} ${sameLabel}`;
