import type { Task, Training } from '../../../src-shared/domain/types';

/** Required trainings completed / required trainings, null when none is required. */
export function requiredCompletion(trainings: readonly Training[]): { done: number; total: number; rate: number | null } {
  const required = trainings.filter((t) => t.required);
  const done = required.filter((t) => t.status === 'completed').length;
  return { done, total: required.length, rate: required.length === 0 ? null : done / required.length };
}

/** The journey's open certification steps (required training tasks) a completed training can tick off. */
export function openCertificationSteps(tasks: readonly Task[]): Task[] {
  return tasks.filter((t) => t.category === 'training' && t.required && t.status === 'open').sort((a, b) => a.order - b.order);
}

/** The step whose title best matches a course: shares a meaningful word ("Core Sales Certification" → "Complete the core sales certification"). */
export function stepForCourse(course: string, steps: readonly Task[]): Task | undefined {
  const words = course.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 3 && w !== 'certification' && w !== 'training' && w !== 'course');
  return steps.find((s) => words.some((w) => s.title.toLowerCase().includes(w)));
}
