// The Cloudflare envelope moved to server/http/ (the console and the runtimes use it too); the
// sandbox's own files still import it from here until they move to sandbox/<resource>/.
export * from '../http/envelope.ts';
