// A wall display (`?display=wall`): the overview for a screen across the room, without the
// header's controls and at full width.
import { useLocation } from 'react-router';

export const WALL_PARAM = { display: 'wall' } as const;

export function useWallDisplay(): boolean {
  return new URLSearchParams(useLocation().search).get('display') === WALL_PARAM.display;
}
