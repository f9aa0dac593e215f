import { strict as assert } from 'node:assert';
import { explainCommunication, referenceParts } from '../../../server/src/core/explain/explain';
import { format } from '../../../server/src/core/messages';
import type { CitedCommunication, OwnReference } from '../../../server/src/core/model';

function reference(valueText: string): OwnReference {
  return { valueText } as OwnReference;
}

describe('referenceParts', () => {
  it('names the country of a part that is a country code', () => {
    assert.deepEqual(referenceParts(reference('CHN/HR/2025/34')).map((p) => format('en', p.meaning)),
      ['country: China', 'subject: human rights', 'year', 'serial number']);
  });

  it('takes no member of an object\'s prototype for a country (`constructor`, `__proto__`)', () => {
    for (const part of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const [first] = referenceParts(reference(`${part}/HR/2025/34`));
      assert.equal(format('en', first.meaning), 'office or file code', part);
    }
  });
});

describe('explainCommunication', () => {
  it('says a country code it does not know is a code, even one named like a prototype member', () => {
    const citation = { type: 'AL', country: 'constructor', serial: 4, year: 2025 } as CitedCommunication;
    assert.equal(format('en', explainCommunication(citation).country), 'country code constructor');
  });
});
