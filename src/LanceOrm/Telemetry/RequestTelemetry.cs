using System.Diagnostics;
using LanceOrm.Remote.Http;

namespace LanceOrm;

/// <summary>The span and metrics of one logical request (all its attempts), recorded by the transport.</summary>
internal static class RequestTelemetry
{
    public static Activity? Start(ErrorContext context, CallState state)
    {
        var name = context.OperationName switch
        {
            "add" or "upsert" => LanceOrmTelemetry.UploadActivity,
            "query" => LanceOrmTelemetry.QueryActivity,
            _ => LanceOrmTelemetry.RequestActivity,
        };
        var activity = LanceOrmTelemetry.Source.StartActivity(name, ActivityKind.Client);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag(LanceOrmTelemetry.OperationTag, context.OperationName);
        activity.SetTag(LanceOrmTelemetry.RequestIdTag, state.RequestId);
        if (context.Table is not null)
        {
            activity.SetTag(LanceOrmTelemetry.TableTag, context.Table);
        }

        if (context.Rows is { } rows)
        {
            activity.SetTag(LanceOrmTelemetry.RowsTag, rows);
        }

        return activity;
    }

    public static void Succeeded(Activity? activity, ErrorContext context, CallState state, int status, TimeSpan elapsed)
    {
        var operation = new KeyValuePair<string, object?>(LanceOrmTelemetry.OperationTag, context.OperationName);
        LanceOrmTelemetry.RequestDurationHistogram.Record(elapsed.TotalSeconds, operation, new KeyValuePair<string, object?>(LanceOrmTelemetry.StatusTag, status));
        if (context.Rows is { } rows && context.Table is not null)
        {
            LanceOrmTelemetry.RowsWrittenCounter.Add(rows, operation, new KeyValuePair<string, object?>(LanceOrmTelemetry.TableTag, context.Table));
        }

        if (activity is not null)
        {
            activity.SetTag(LanceOrmTelemetry.StatusTag, status);
            activity.SetTag(LanceOrmTelemetry.AttemptsTag, Math.Max(1, state.Attempts));
        }
    }

    public static void Failed(Activity? activity, ErrorContext context, CallState state, Exception error, TimeSpan elapsed)
    {
        var status = (error as LanceDbException)?.Status is { } code ? (int?)(int)code : null;
        var errorType = error is OperationCanceledException ? "canceled" : status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? error.GetType().Name;
        var operation = new KeyValuePair<string, object?>(LanceOrmTelemetry.OperationTag, context.OperationName);
        var type = new KeyValuePair<string, object?>(LanceOrmTelemetry.ErrorTypeTag, errorType);
        if (status is { } s)
        {
            LanceOrmTelemetry.RequestDurationHistogram.Record(elapsed.TotalSeconds, operation, new KeyValuePair<string, object?>(LanceOrmTelemetry.StatusTag, s), type);
        }
        else
        {
            LanceOrmTelemetry.RequestDurationHistogram.Record(elapsed.TotalSeconds, operation, type);
        }

        if (activity is not null)
        {
            if (status is { } st)
            {
                activity.SetTag(LanceOrmTelemetry.StatusTag, st);
            }

            activity.SetTag(LanceOrmTelemetry.AttemptsTag, Math.Max(1, state.Attempts));
            activity.SetTag(LanceOrmTelemetry.ErrorTypeTag, errorType);
            activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
        }
    }
}
