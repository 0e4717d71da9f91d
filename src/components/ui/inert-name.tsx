import { revealBidiControls } from '@/lib/bidi';

/**
 * A user-supplied name (group, member, client, resource group) as shown anywhere: isolated from
 * the text around it (<bdi>, so a right-to-left name cannot reorder its neighbours) and with its
 * bidirectional controls made visible (⟨U+202E⟩), so it reads as typed. The one component for it.
 */
export function InertName({ children, className }: { children: string | null | undefined; className?: string }) {
  if (children === null || children === undefined) return null;
  return (
    <bdi className={className ? `inert-name ${className}` : 'inert-name'} dir="auto">
      {revealBidiControls(children)}
    </bdi>
  );
}
