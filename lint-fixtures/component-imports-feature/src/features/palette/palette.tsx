export function Palette() {
  return <div role="dialog" aria-label="Command palette" />;
}
