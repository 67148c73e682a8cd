'use client';

import {
  closestCorners, DndContext, DragOverlay, KeyboardSensor, PointerSensor, TouchSensor, useSensor, useSensors,
  type DragEndEvent, type DragStartEvent,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition } from 'react';
import type { ActionState } from '@/lib/http/authed-action';
import { moveTaskAction } from '@/lib/tasks/actions';
import type { BoardCard, BoardColumn as Column } from '@/lib/tasks/board';
import { TASK_STATUSES, type TaskStatus } from '@/lib/tasks/rules';
import { BoardColumn } from './board-column';
import { MoveDialog } from './move-dialog';

interface TaskBoardProps {
  spaceId: string;
  columns: Column[];
  taskPath: string;
  today: string;
  movable: boolean;
}

interface PendingMove {
  card: BoardCard;
  to: TaskStatus;
  afterId: string | null;
  beforeId: string | null;
  /** Position in the target column, for showing the move before the server answers. */
  index: number;
  /** What the server needs first: the issue entry (blocking) or the unblock choice. */
  ask: 'block' | 'unblock' | null;
}

const isStatus = (id: unknown): id is TaskStatus => TASK_STATUSES.includes(id as TaskStatus);

/** Where a dropped card lands: the card before and after it in the target column, with the card removed. */
function placement(columns: Column[], card: BoardCard, to: TaskStatus, overId: string) {
  const cards = columns.find((c) => c.status === to)!.cards.filter((c) => c.id !== card.id);
  const source = columns.find((c) => c.status === card.status)!.cards;
  let index = isStatus(overId) ? cards.length : cards.findIndex((c) => c.id === overId);
  // Moving down inside one column lands after the card it was dropped on.
  if (!isStatus(overId) && to === card.status && source.findIndex((c) => c.id === card.id) < source.findIndex((c) => c.id === overId)) index += 1;
  if (index < 0) index = cards.length;
  return { index, afterId: cards[index - 1]?.id ?? null, beforeId: cards[index]?.id ?? null };
}

function moveLocally(columns: Column[], card: BoardCard, to: TaskStatus, index: number): Column[] {
  return columns.map((column) => {
    let cards = column.cards.filter((c) => c.id !== card.id);
    let total = column.total - (column.status === card.status ? 1 : 0);
    if (column.status === to) {
      cards = [...cards.slice(0, index), { ...card, status: to }, ...cards.slice(index)];
      total += 1;
    }
    return { ...column, cards, total };
  });
}

/**
 * The Kanban board: drag (or, from the keyboard, Space + arrows) a card to another column or place.
 * The move shows at once and is undone if the server refuses. A drop onto 阻塞 first asks for the
 * issue entry; a drop out of it asks what becomes of the open entries.
 */
export function TaskBoard({ spaceId, columns: initial, taskPath, today, movable }: TaskBoardProps) {
  const t = useTranslations('tasks');
  const [columns, setColumns] = useState(initial);
  const [dragging, setDragging] = useState<BoardCard | null>(null);
  const [pendingMove, setPendingMove] = useState<PendingMove | null>(null);
  const [state, setState] = useState<ActionState<void>>(null);
  const [pending, startTransition] = useTransition();
  const boardRef = useRef<HTMLDivElement>(null);
  // Tells browser tests (and measurements) that the board has hydrated and takes input.
  useEffect(() => boardRef.current?.setAttribute('data-ready', 'true'), []);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const find = (id: unknown) => columns.flatMap((c) => c.cards).find((c) => c.id === id);
  const columnOf = (id: unknown): TaskStatus | undefined => (isStatus(id) ? id : find(id)?.status);
  const label = (card: BoardCard) => `#${card.number} ${card.name}`;

  function send(move: PendingMove, extra?: FormData) {
    const before = columns;
    const { index } = move;
    const data = extra ?? new FormData();
    for (const [key, value] of Object.entries({ spaceId, taskId: move.card.id, status: move.to, afterId: move.afterId ?? '', beforeId: move.beforeId ?? '' })) data.set(key, value);
    if (!move.ask) setColumns(moveLocally(columns, move.card, move.to, index));
    startTransition(async () => {
      const result = await moveTaskAction(null, data);
      setState(result);
      if (result?.ok) {
        if (move.ask) setColumns(moveLocally(before, move.card, move.to, index));
        setPendingMove(null);
      } else if (!move.ask) {
        setColumns(before);
      }
    });
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    setDragging(null);
    const card = find(active.id);
    const to = over ? columnOf(over.id) : undefined;
    if (!card || !to || !over || (over.id === card.id && to === card.status)) return;
    const { afterId, beforeId, index } = placement(columns, card, to, String(over.id));
    const ask = to === 'blocked' && card.status !== 'blocked' ? 'block' : card.status === 'blocked' && to !== 'blocked' ? 'unblock' : null;
    const move = { card, to, afterId, beforeId, index, ask } as const;
    setState(null);
    if (ask) setPendingMove(move);
    else send(move);
  }

  const announcements = {
    onDragStart: ({ active }: { active: { id: unknown } }) => t('dnd.picked', { task: find(active.id)?.name ?? '' }),
    onDragOver: ({ over }: { over: { id: unknown } | null }) => (over ? t('dnd.over', { column: t(`statuses.${columnOf(over.id) ?? 'todo'}`) }) : ''),
    onDragEnd: ({ over }: { over: { id: unknown } | null }) => (over ? t('dnd.dropped', { column: t(`statuses.${columnOf(over.id) ?? 'todo'}`) }) : t('dnd.cancelled')),
    onDragCancel: () => t('dnd.cancelled'),
  };

  return (
    <div>
      {state && !state.ok && (
        <p role="status" data-testid="board-error" className="mb-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {[state.message, ...Object.values(state.fieldErrors).flat()].join(' ')}
        </p>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCorners}
        onDragStart={({ active }: DragStartEvent) => setDragging(find(active.id) ?? null)}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(null)}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } }}
      >
        <div ref={boardRef} className="-mx-4 flex gap-3 overflow-x-auto px-4 pb-2 sm:mx-0 sm:px-0" data-testid="task-board">
          {columns.map((column) => (
            <BoardColumn key={column.status} column={column} taskPath={taskPath} today={today} movable={movable} />
          ))}
        </div>
        <DragOverlay>
          {dragging && <div className="rounded-md border border-brand-300 bg-white p-2.5 text-sm font-medium shadow-lg">#{dragging.number} {dragging.name}</div>}
        </DragOverlay>
      </DndContext>
      {pendingMove?.ask && (
        <MoveDialog
          kind={pendingMove.ask}
          taskLabel={label(pendingMove.card)}
          helpers={{
            errors: (name) => (state && !state.ok ? state.fieldErrors[name] : undefined),
            value: (name) => (state && !state.ok ? state.values[name] ?? '' : ''),
          }}
          pending={pending}
          onSubmit={(form) => send(pendingMove, form)}
          onCancel={() => {
            setPendingMove(null);
            setState(null);
          }}
        />
      )}
    </div>
  );
}
