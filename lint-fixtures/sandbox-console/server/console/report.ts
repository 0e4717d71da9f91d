// The console reaching into the sandbox for a helper both use: it belongs in server/http/.
import { envelope } from '../sandbox/envelope';

export const report = () => envelope([]);
