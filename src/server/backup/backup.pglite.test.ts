import { describe } from 'vitest';
import { roundTripChecks, useRoundTrip } from '../testing/backup-round-trip.ts';

describe('npm run backup of the embedded database while the server takes writes, then npm run restore', () => {
  roundTripChecks(useRoundTrip());
});
