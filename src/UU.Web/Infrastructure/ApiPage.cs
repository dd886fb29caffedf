namespace UU.Web.Infrastructure;

/// <summary>One page of a JSON list: <c>{ total, page, pageSize, items }</c>.</summary>
public sealed record ApiPage<T>(int Total, int Page, int PageSize, IReadOnlyList<T> Items);
