// Answers for a test's fake CSMS, shaped as the definitions say (the console relays nothing else).
export const fakeSecret = (name: string) => ({ id: '00000000-0000-4000-8000-000000000000', name, state: 'ENABLED' });

/** One body that is a valid answer to each of the five reads (each keeps the fields it knows). */
export const anyReadAnswer = (name = 'x') => ({
  secrets: [fakeSecret(name)],
  page_info: { current_count: 1 },
  secret: fakeSecret(name),
  version_metadatas: [],
  version: { version_metadata: { id: 'v1', secret_name: name, version_stages: [] }, secret_string: 'v' },
  stage: { name: 'SYSCURRENT', version_id: 'v1', secret_name: name },
});
