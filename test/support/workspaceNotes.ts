/** Notes of a small correspondence, shared by the service and protocol tests of the workspace index. */

/** The communication itself, as the special procedures send it. */
export const COMMUNICATION = [
  'Mandate of the Special Rapporteur on trafficking in persons',
  '',
  'REFERENCE: AL CHN 4/2025',
  '',
  '12 February 2025',
  '',
  'Excellency,',
  '',
  'I have the honour to address you in my capacity as Special Rapporteur.',
  '',
  'Please accept, Excellency, the assurances of my highest consideration.',
  '',
].join('\n');
