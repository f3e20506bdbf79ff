// On a secret page: `s` goes to the stages, `v` to the versions (the secret page's sections, or
// that page itself from a stage or version page). Loaded after the page is drawn
// (lazy-sections.tsx): no key is needed to draw it.
import { useLingui } from '@lingui/react/macro';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '../lib/paths.ts';
import { useShortcuts } from '../lib/shortcuts.ts';

const SECTIONS = ['stages-heading', 'versions-heading'];

function goToSection(id: string) {
  const heading = document.getElementById(id);
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus({ preventScroll: true });
}

/** `s`, `v`; `from` a stage or version page, the keys open the secret page at that section. */
export default function SectionShortcuts({ from }: { from?: { projectId: string; secretName: string } }) {
  const { t } = useLingui();
  const navigate = useNavigate();
  const go = (id: string) => (from ? void navigate(`${paths.secret(from.projectId, from.secretName)}#${id}`) : goToSection(id));
  // Arrived from another page's key: go to the section it asked for.
  useEffect(() => {
    const id = window.location.hash.slice(1);
    if (!from && SECTIONS.includes(id)) goToSection(id);
  }, [from]);
  useShortcuts([
    { keys: ['s'], label: t`Go to the stages`, run: () => go('stages-heading') },
    { keys: ['v'], label: t`Go to the versions`, run: () => go('versions-heading') },
  ]);
  return null;
}
