// The message after a multi-request delete was cancelled: how many were sent, on their way, and untouched.
import { strict as assert } from 'node:assert';
import { cancelledDeletionMessage, type NumberRef } from '../../../src/core/numbers';

const refs = (count: number): NumberRef[] => Array.from({ length: count }, (_, i) => ({ accountName: 'A', telephoneNumber: `+1555000${i}` }));

describe('core: a cancelled delete', () => {
  it('says how many were sent and how many were not touched', () => {
    assert.equal(
      cancelledDeletionMessage({ sent: refs(100), inFlight: [], notSent: refs(150) }),
      'Cancelled: 100 of 250 numbers were sent for deletion; 150 numbers were not touched. Refresh the Numbers view to see the result.',
    );
  });

  it('names the request that was on its way, whose fate is unknown', () => {
    assert.equal(
      cancelledDeletionMessage({ sent: refs(100), inFlight: refs(100), notSent: refs(1) }),
      'Cancelled: 100 of 201 numbers were sent for deletion; 100 numbers were on their way when you cancelled (refresh to see whether they went); 1 number was not touched. Refresh the Numbers view to see the result.',
    );
  });
});
