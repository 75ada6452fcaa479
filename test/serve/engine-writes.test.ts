/** The app's write API over the bare embedded engine (an index folder behind the SearchEngine interface). */
import { embeddedEngine } from '../../src/store/embedded-engine.js';
import { openIndex } from '../../src/store/open-index.js';
import { tempDir } from '../support/fixtures.js';
import { engineWritesContract } from './engine-writes-contract.js';

engineWritesContract('embedded engine', async () => {
  const work = tempDir();
  const engine = embeddedEngine(openIndex(work.dir, { embedder: null }));
  return {
    engine,
    cleanup: async () => {
      await engine.close();
      work.cleanup();
    },
  };
});
