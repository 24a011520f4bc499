// "What needs doing now" as a list: each item of a cycle in the reader's words, the next step linked to its control.
import { CYCLE_CONTROLS } from '../../../core/requests';
import { WORDS as MAIL_WORDS } from '../../../core/domain/words';
import type { Todo } from '../../next-steps';
import { html, type SafeHtml } from '../html';
import type { StaffReader } from '../session';
import { TODO_WORDS } from '../words/todo-words';

export function todoItems(user: StaffReader, todos: Todo[], cycleHref: string): SafeHtml[] {
  const t = TODO_WORDS[user.lang];
  const date = MAIL_WORDS[user.lang].date;
  // A phase's name begins the line: Valmistelu, Beredning, Preparation.
  const phase = (key: string) => {
    const name = user.w.phaseKey(key);
    return name.charAt(0).toUpperCase() + name.slice(1);
  };
  return todos.map((todo) => {
    switch (todo.key) {
      case 'overdue':
        return html`<li class="urgent">${t.overdue(todo.parties.join(', '))}</li>`;
      case 'waiting':
        return html`<li>${t.waiting(phase(todo.phaseKey), todo.answered, todo.of)}</li>`;
      case 'undelivered':
        return html`<li class="urgent">${t.undelivered(todo.count)}</li>`;
      case 'notConfirmed':
        return html`<li class="urgent">${t.notConfirmed(user.w.controls.legend[todo.control], todo.requestId)}</li>`;
      case 'deadline':
        return html`<li>${t.deadline(phase(todo.phaseKey), date(todo.at))}</li>`;
      case 'meeting':
        return html`<li>${t.meeting(date(todo.at))}</li>`;
      case 'next':
        return html`<li><strong>${t.next[todo.step]}</strong>${todo.control ? html` – <a href="${cycleHref}#control-${CYCLE_CONTROLS[todo.control].slug}">${t.toControl}</a>` : ''}</li>`;
    }
  });
}

/** The section at the top of a cycle's page. */
export function todoSection(user: StaffReader, todos: Todo[], cycleHref: string): SafeHtml | '' {
  if (!todos.length) return '';
  const t = TODO_WORDS[user.lang];
  return html`<section class="todo" aria-labelledby="todo-h"><h2 id="todo-h">${t.heading}</h2><ul>${todoItems(user, todos, cycleHref)}</ul></section>`;
}
