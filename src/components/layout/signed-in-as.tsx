/** Team mode (Cloudflare Access): which admin this browser is signed in as; nothing on a local console. */
export function SignedInAs({ email }: { email: string | null | undefined }) {
  if (!email) return null;
  return (
    <span className="signed-in-as" title="Signed in through Cloudflare Access">
      Signed in as <strong>{email}</strong>
    </span>
  );
}
