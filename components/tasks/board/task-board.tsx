'use client';

import {
  closestCorners, DndContext, DragOverlay, KeyboardSensor, MouseSensor, TouchSensor, useSensor, useSensors,
  type DragEndEvent, type DragStartEvent,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState, useTransition } from 'react';
import type { ActionState } from '@/lib/http/authed-action';
import { moveTaskAction } from '@/lib/tasks/actions';
import type { BoardCard, BoardColumn as Column } from '@/lib/tasks/board';
import { unpackBoard, type PackedBoard } from '@/lib/tasks/board-transfer';
import type { TaskStatus } from '@/lib/tasks/rules';
import { BoardColumn } from './board-column';
import { isStatus, moveLocally, placement } from './board-moves';
import { MoveDialog } from './move-dialog';

interface TaskBoardProps {
  spaceId: string;
  board: PackedBoard;
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

/**
 * The Kanban board: drag (or, from the keyboard, Space + arrows) a card to another column or place.
 * The move shows at once and is undone if the server refuses. A drop onto 阻塞 first asks for the
 * issue entry; a drop out of it asks what becomes of the open entries.
 *
 * The board stays mounted when the server sends new data (after a move, or a change someone else
 * made): a move shown ahead of the server is dropped then, and React updates only what changed.
 */
export function TaskBoard({ spaceId, board, taskPath, today, movable }: TaskBoardProps) {
  const t = useTranslations('tasks');
  const served = useMemo(() => unpackBoard(board), [board]);
  const [source, setSource] = useState(board);
  const [moved, setMoved] = useState<Column[] | null>(null);
  if (source !== board) {
    setSource(board);
    setMoved(null);
  }
  const columns = moved ?? served;
  const [activeId, setActiveId] = useState<string | null>(null);
  const [pendingMove, setPendingMove] = useState<PendingMove | null>(null);
  const [state, setState] = useState<ActionState<void>>(null);
  const [pending, startTransition] = useTransition();
  const boardRef = useRef<HTMLDivElement>(null);
  // Tells browser tests (and measurements) that the board has hydrated and takes input.
  useEffect(() => boardRef.current?.setAttribute('data-ready', 'true'), []);
  // Mouse and touch rather than pointer events: a column scrolls under a finger, and a card is
  // picked up by pressing and holding it (dnd-kit's advice for scrollable lists).
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const cardsById = useMemo(() => new Map(columns.flatMap((c) => c.cards.map((card) => [card.id, card] as const))), [columns]);
  const find = (id: unknown) => cardsById.get(String(id));
  const columnOf = (id: unknown): TaskStatus | undefined => (isStatus(id) ? id : find(id)?.status);
  const label = (card: BoardCard) => `#${card.number} ${card.name}`;

  function send(move: PendingMove, extra?: FormData) {
    const data = extra ?? new FormData();
    for (const [key, value] of Object.entries({ spaceId, taskId: move.card.id, status: move.to, afterId: move.afterId ?? '', beforeId: move.beforeId ?? '' })) data.set(key, value);
    if (!move.ask) setMoved(moveLocally(columns, move.card, move.to, move.index));
    startTransition(async () => {
      const result = await moveTaskAction(null, data);
      setState(result);
      // Accepted: the server's board, which comes with the answer, shows the move.
      if (result?.ok) setPendingMove(null);
      else if (!move.ask) setMoved(null);
    });
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    setActiveId(null);
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

  /** The place (from 1) the dragged card would take in the column it is over. */
  const position = (activeId: unknown, overId: unknown) => {
    const card = find(activeId);
    const to = columnOf(overId);
    if (!card || !to) return 0;
    if (overId === card.id) return columns.find((c) => c.status === card.status)!.cards.findIndex((c) => c.id === card.id) + 1;
    return placement(columns, card, to, String(overId)).index + 1;
  };
  type Step = { active: { id: unknown }; over: { id: unknown } | null };
  const where = ({ active, over }: Step) => ({ column: t(`statuses.${columnOf(over?.id) ?? 'todo'}`), position: position(active.id, over?.id) });
  // Read out by dnd-kit's live region; the place matters in a column of hundreds of cards.
  const announcements = {
    onDragStart: ({ active }: { active: { id: unknown } }) => t('dnd.picked', { task: find(active.id)?.name ?? '' }),
    onDragOver: (step: Step) => (step.over ? t('dnd.over', where(step)) : ''),
    onDragEnd: (step: Step) => (step.over ? t('dnd.dropped', where(step)) : t('dnd.cancelled')),
    onDragCancel: () => t('dnd.cancelled'),
  };
  const dragging = activeId ? find(activeId) : undefined;

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
        onDragStart={({ active }: DragStartEvent) => setActiveId(String(active.id))}
        onDragEnd={onDragEnd}
        onDragCancel={() => setActiveId(null)}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } }}
      >
        <div ref={boardRef} aria-busy={pending} className="-mx-4 flex gap-3 overflow-x-auto px-4 pb-2 sm:mx-0 sm:px-0" data-testid="task-board">
          {columns.map((column) => (
            <BoardColumn key={column.status} column={column} taskPath={taskPath} today={today} movable={movable} activeId={activeId} />
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
