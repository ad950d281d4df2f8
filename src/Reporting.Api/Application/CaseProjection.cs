using KimPlatform.Contracts;
using KimPlatform.Reporting.Api.Domain;
using KimPlatform.Reporting.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Reporting.Api.Application;

/// <summary>
/// Moves the case counters with the events of one case, in the case's order: a phase change names the version at
/// which the case entered its from-phase, so a change is applied only after that one; a closure or an erasure only
/// after the phase change of its version and once the goals it names are as it left them; goals only after the case's
/// opening.
/// </summary>
public sealed class CaseProjection(ReportingDbContext db, CounterChanges counters, PendingEvents pending, Pseudonyms pseudonyms)
{
    private CaseState? _state;
    private bool _erased;

    public async Task HandleAsync(AggregateEvent message, Guid caseId, CancellationToken cancellationToken)
    {
        var key = pseudonyms.Of("case", message.TenantId, caseId);
        await pending.LockAsync(key, cancellationToken);
        _erased = await db.ErasedKeys.AnyAsync(erased => erased.Key == key, cancellationToken);
        _state = await db.CaseStates.FirstOrDefaultAsync(state => state.Key == key, cancellationToken);
        await pending.RunAsync(key, Pseudonymise(message, key), next => ApplyAsync(next, cancellationToken), cancellationToken);
        await counters.FlushAsync(message.TenantId, cancellationToken);
    }

    private AggregateEvent Pseudonymise(AggregateEvent message, Guid key)
    {
        var eventKey = pseudonyms.Of("event", message.TenantId, message.EventId);
        var month = Months.StartOf(message.OccurredAt);
        string? User(string? userId) => userId is null ? null : pseudonyms.OfUser(message.TenantId, userId);
        Guid Goal(Guid goalId) => pseudonyms.Of("goal", message.TenantId, goalId);
        return message switch
        {
            CaseOpened opened => opened with { EventId = eventKey, OccurredAt = month, CaseId = key, CaseManagerId = User(opened.CaseManagerId) },
            CasePhaseChanged changed => changed with { EventId = eventKey, OccurredAt = month, CaseId = key },
            CaseClosed closed => closed with { EventId = eventKey, OccurredAt = month, CaseId = key },
            CaseErased erased => erased with
            {
                EventId = eventKey, OccurredAt = month, CaseId = key,
                Goals = erased.Goals?.Select(goal => goal with { GoalId = Goal(goal.GoalId), StatusChangedAt = goal.StatusChangedAt is { } at ? Months.StartOf(at) : null }).ToArray(),
            },
            CaseAssigned assigned => assigned with { EventId = eventKey, OccurredAt = month, CaseId = key, CaseManagerId = User(assigned.CaseManagerId)! },
            GoalAgreed agreed => agreed with
            {
                EventId = eventKey, OccurredAt = month, CaseId = key, GoalId = Goal(agreed.GoalId), DueDate = new DateOnly(agreed.DueDate.Year, agreed.DueDate.Month, 1),
            },
            GoalProgressed progressed => progressed with { EventId = eventKey, OccurredAt = month, CaseId = key, GoalId = Goal(progressed.GoalId) },
            _ => throw new ArgumentException($"{message.GetType().Name} is no case event reporting follows.", nameof(message)),
        };
    }

    private async Task<Readiness> ApplyAsync(AggregateEvent message, CancellationToken cancellationToken)
    {
        if (_erased)
        {
            return Readiness.Drop;
        }

        if (message is CaseOpened opened)
        {
            return Open(opened);
        }

        if (_state is not { } state)
        {
            return Readiness.Wait;
        }

        return message switch
        {
            CasePhaseChanged changed => ChangePhase(state, changed),
            CaseClosed closed => Close(state, closed),
            CaseAssigned assigned => Assign(state, assigned),
            CaseErased erased => await EraseAsync(state, erased, cancellationToken),
            GoalAgreed agreed => await AgreeGoalAsync(state, agreed, cancellationToken),
            GoalProgressed progressed => await ProgressGoalAsync(progressed, cancellationToken),
            _ => Readiness.Drop,
        };
    }

    private Readiness Open(CaseOpened opened)
    {
        if (_state is not null)
        {
            return Readiness.Drop;
        }

        var month = Months.Of(opened.OccurredAt);
        _state = new CaseState
        {
            Key = opened.CaseId,
            TenantId = opened.TenantId,
            Municipality = opened.Municipality,
            AgeBand = opened.AgeBand,
            ResidenceStatus = opened.ResidenceStatus,
            TargetGroups = opened.TargetGroups.Distinct().ToArray(),
            Reachability = opened.Reachability,
            OpenedMonth = month,
            Phase = CasePhases.Intake,
            PhaseVersion = opened.Version,
            CaseManagerKey = opened.CaseManagerId ?? "",
            CaseManagerVersion = opened.Version,
        };
        db.CaseStates.Add(_state);
        counters.Add(Figures.NewCases, month, opened.Municipality, "", 1);
        CountOpen(_state, month, +1);
        counters.Add(Figures.OpenByPhase, month, opened.Municipality, CasePhases.Intake, 1);
        return Readiness.Applied;
    }

    private Readiness ChangePhase(CaseState state, CasePhaseChanged changed)
    {
        if (changed.Version <= state.PhaseVersion)
        {
            return Readiness.Drop;
        }

        // Version 0 (cases older than the field) orders by the from-phase alone.
        if (state.Phase != changed.FromPhase || (changed.PreviousVersion ?? 0) > state.PhaseVersion)
        {
            return Readiness.Wait;
        }

        var month = Months.Of(changed.OccurredAt);
        if (changed.FromPhase != CasePhases.Closed)
        {
            counters.Add(Figures.OpenByPhase, month, state.Municipality, changed.FromPhase, -1);
            if (changed.DaysInPreviousPhase is { } days)
            {
                counters.AddSpan(Figures.DaysInPhase(changed.FromPhase), month, state.Municipality, days);
            }
        }

        if (changed.ToPhase != CasePhases.Closed)
        {
            counters.Add(Figures.OpenByPhase, month, state.Municipality, changed.ToPhase, 1);
        }

        if (state.IsOpen && changed.ToPhase == CasePhases.Closed)
        {
            CountOpen(state, month, -1);
        }
        else if (!state.IsOpen && changed.ToPhase != CasePhases.Closed)
        {
            CountOpen(state, month, +1);
        }

        state.Phase = changed.ToPhase;
        state.PhaseVersion = changed.Version;
        return Readiness.Applied;
    }

    private Readiness Close(CaseState state, CaseClosed closed)
    {
        if (state.PhaseVersion < closed.Version)
        {
            return Readiness.Wait;
        }

        var month = Months.Of(closed.OccurredAt);
        counters.Add(Figures.ClosuresByReason, month, state.Municipality, closed.Reason, 1);
        counters.Add(Figures.ClosuresByOutcome, month, state.Municipality, closed.Outcome, 1);
        if (closed.DaysOpen is { } days)
        {
            counters.AddSpan(Figures.DaysToClosure, month, state.Municipality, days);
        }

        state.ClosedVersion = Math.Max(state.ClosedVersion, closed.Version);
        return Readiness.Applied;
    }

    private Readiness Assign(CaseState state, CaseAssigned assigned)
    {
        if (assigned.Version <= state.CaseManagerVersion)
        {
            return Readiness.Drop;
        }

        if (state.IsOpen)
        {
            var month = Months.Of(assigned.OccurredAt);
            counters.Add(Figures.Caseload, month, state.Municipality, state.CaseManagerKey, -1);
            counters.Add(Figures.Caseload, month, state.Municipality, assigned.CaseManagerId, 1);
        }

        state.CaseManagerKey = assigned.CaseManagerId;
        state.CaseManagerVersion = assigned.Version;
        return Readiness.Applied;
    }

    private async Task<Readiness> EraseAsync(CaseState state, CaseErased erased, CancellationToken cancellationToken)
    {
        // An erased case is closed, and its closure must be counted before the state goes.
        if (state.IsOpen || state.PhaseVersion > erased.Version || state.ClosedVersion < state.PhaseVersion)
        {
            return state.PhaseVersion > erased.Version ? Readiness.Drop : Readiness.Wait;
        }

        // Its goals' events travel on other queues (a replay sends them in any order): forgetting the case before they
        // are in would drop them, and their counts with them.
        foreach (var goal in erased.Goals ?? [])
        {
            if (await FindGoalAsync(goal.GoalId, cancellationToken) is not { } held
                || (goal.StatusChangedAt is { } changed && (held.Status != goal.Status || held.StatusMonth != Months.Of(changed))))
            {
                return Readiness.Wait;
            }
        }

        db.CaseStates.Remove(state);
        // The statement below deletes the stored goals; a tracked one (added, or read by the wait above) must not be
        // deleted or inserted again by SaveChanges.
        foreach (var goal in db.GoalStates.Local.Where(goal => goal.CaseKey == state.Key).ToArray())
        {
            db.Entry(goal).State = EntityState.Detached;
        }

        await db.GoalStates.Where(goal => goal.CaseKey == state.Key).ExecuteDeleteAsync(cancellationToken);
        db.ErasedKeys.Add(new ErasedKey { Key = state.Key, TenantId = state.TenantId });
        _state = null;
        _erased = true;
        return Readiness.Applied;
    }

    private async Task<Readiness> AgreeGoalAsync(CaseState state, GoalAgreed agreed, CancellationToken cancellationToken)
    {
        if (await FindGoalAsync(agreed.GoalId, cancellationToken) is not null)
        {
            return Readiness.Drop;
        }

        var month = Months.Of(agreed.OccurredAt);
        db.GoalStates.Add(new GoalState
        {
            Key = agreed.GoalId, TenantId = agreed.TenantId, CaseKey = state.Key, Municipality = state.Municipality,
            LifeArea = agreed.LifeArea, Status = "open", StatusMonth = month, Version = agreed.Version,
        });
        counters.Add(Figures.GoalsAgreed, month, state.Municipality, agreed.LifeArea, 1);
        return Readiness.Applied;
    }

    private async Task<Readiness> ProgressGoalAsync(GoalProgressed progressed, CancellationToken cancellationToken)
    {
        var goal = await FindGoalAsync(progressed.GoalId, cancellationToken);
        if (goal is null)
        {
            return Readiness.Wait;
        }

        if (progressed.Version <= goal.Version)
        {
            return Readiness.Drop;
        }

        // A goal counts as achieved in the month it was last marked achieved.
        if (goal.Status == GoalStatuses.Achieved)
        {
            counters.Add(Figures.GoalsAchieved, goal.StatusMonth, goal.Municipality, goal.LifeArea, -1);
        }

        var month = Months.Of(progressed.OccurredAt);
        if (progressed.Status == GoalStatuses.Achieved)
        {
            counters.Add(Figures.GoalsAchieved, month, goal.Municipality, goal.LifeArea, 1);
        }

        goal.Status = progressed.Status;
        goal.StatusMonth = month;
        goal.Version = progressed.Version;
        return Readiness.Applied;
    }

    private async Task<GoalState?> FindGoalAsync(Guid key, CancellationToken cancellationToken) =>
        db.GoalStates.Local.FirstOrDefault(goal => goal.Key == key)
        ?? await db.GoalStates.FirstOrDefaultAsync(goal => goal.Key == key, cancellationToken);

    private void CountOpen(CaseState state, DateOnly month, int delta)
    {
        counters.Add(Figures.OpenByAgeBand, month, state.Municipality, state.AgeBand, delta);
        counters.Add(Figures.OpenByResidenceStatus, month, state.Municipality, state.ResidenceStatus, delta);
        counters.Add(Figures.OpenByReachability, month, state.Municipality, state.Reachability, delta);
        counters.Add(Figures.Caseload, month, state.Municipality, state.CaseManagerKey, delta);
        foreach (var group in state.TargetGroups)
        {
            counters.Add(Figures.OpenByTargetGroup, month, state.Municipality, group, delta);
        }
    }

    private static class GoalStatuses
    {
        public const string Achieved = "achieved";
    }
}
