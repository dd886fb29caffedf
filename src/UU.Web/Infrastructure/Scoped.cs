namespace UU.Web.Infrastructure;

/// <summary>
/// A scoped service for one unit of work inside a singleton (a background loop, a store the scrapers share): each
/// run gets a fresh scope, disposed when the work ends. Singletons take this by constructor instead of resolving
/// from a scope themselves.
/// </summary>
public sealed class Scoped<T>(IServiceScopeFactory scopes) where T : notnull
{
    public async Task<TResult> RunAsync<TResult>(Func<T, Task<TResult>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<T>());
    }

    public async Task RunAsync(Func<T, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = scopes.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<T>());
    }
}

/// <summary>Two scoped services that must share one scope (and so one DbContext) for a unit of work.</summary>
public sealed class Scoped<T1, T2>(IServiceScopeFactory scopes) where T1 : notnull where T2 : notnull
{
    public async Task<TResult> RunAsync<TResult>(Func<T1, T2, Task<TResult>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<T1>(), scope.ServiceProvider.GetRequiredService<T2>());
    }
}
