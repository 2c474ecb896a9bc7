// The content script's features, in the order they start: those that follow the marks first, so
// they see the first scan's; the page scan (its start ends with the first scan); then what needs a
// scanned page (the keyboard).
import type { Feature } from './context';
import { actorCardPrefetch } from './actor-card-prefetch';
import { hoverCard } from './hover-card';
import { measurements } from './measurements';
import { navigation } from './navigation';
import { pageScan } from './page-scan';

export const FEATURES: readonly Feature[] = [measurements, actorCardPrefetch, hoverCard, pageScan, navigation];
