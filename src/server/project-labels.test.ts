import { describe, expect, it } from 'vitest';
import { parseProjectLabels, withLabels } from './project-labels.ts';

const project = { id: '2b8e4f1a9c3d47e6b5a0f8c7d6e5b4a3', name: 'cn-north-4_production', region: 'cn-north-4' };

describe('CONSOLE_PROJECT_LABELS', () => {
  it('gives a project the labels named by its name or its id', () => {
    const labels = parseProjectLabels(`cn-north-4_production=production, ${project.id}=pci cn-north-4_production=production`);
    expect(withLabels(project, labels).labels).toEqual(['pci', 'production']);
    expect(withLabels({ ...project, id: 'x', name: 'y' }, labels)).toEqual({ ...project, id: 'x', name: 'y' });
    expect(parseProjectLabels(undefined).size).toBe(0);
  });

  it('refuses what is not project=label, naming it', () => {
    expect(() => parseProjectLabels('cn-north-4_production')).toThrow('"cn-north-4_production" is not project=label');
    expect(() => parseProjectLabels('p=Production!')).toThrow('"p=Production!" is not project=label');
  });
});
