// The shell mounting a feature itself, instead of the route layer passing it in.
import { Palette } from '../../features/palette/palette';

export function Shell() {
  return <Palette />;
}
