namespace Dyad.Store;

/// <summary>The period a time series counts by.</summary>
public enum TimeBucket
{
    /// <summary>One row per counted day; periods are written <c>yyyy-MM-dd</c>.</summary>
    Day,

    /// <summary>One row per calendar month; periods are written <c>yyyy-MM</c>.</summary>
    Month,
}

/// <summary>Event mentions of one period and QuadClass.</summary>
/// <param name="Period">The period: <c>yyyy-MM-dd</c> or <c>yyyy-MM</c>.</param>
/// <param name="QuadClass">GDELT QuadClass (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict; 0 neutral).</param>
/// <param name="Events">Mentions.</param>
/// <param name="Goldstein">The sum of their Goldstein values (mentions without one add nothing).</param>
public sealed record TimelineRow(string Period, int QuadClass, long Events, double Goldstein);

/// <summary>Event mentions of one source acting on one target.</summary>
/// <param name="Source">Source actor code.</param>
/// <param name="Target">Target actor code.</param>
/// <param name="Events">Mentions.</param>
/// <param name="Goldstein">The sum of their Goldstein values.</param>
/// <param name="Articles">Distinct documents they were read from.</param>
public sealed record DyadRow(string Source, string Target, long Events, double Goldstein, long Articles);

/// <summary>Event mentions of one dyad in one period.</summary>
/// <param name="Period">The period: <c>yyyy-MM-dd</c> or <c>yyyy-MM</c>.</param>
/// <param name="Source">Source actor code.</param>
/// <param name="Target">Target actor code.</param>
/// <param name="Events">Mentions.</param>
/// <param name="Goldstein">The sum of their Goldstein values.</param>
public sealed record DyadPeriodRow(string Period, string Source, string Target, long Events, double Goldstein);

/// <summary>Event mentions an actor code takes part in.</summary>
/// <param name="Actor">The actor code.</param>
/// <param name="AsSource">Mentions with it as the source.</param>
/// <param name="AsTarget">Mentions with it as the target.</param>
/// <param name="Goldstein">The sum of the Goldstein values of all its mentions (an event of an actor with itself counts once).</param>
public sealed record ActorRow(string Actor, long AsSource, long AsTarget, double Goldstein)
{
    /// <summary>Mentions it takes part in, as source or target.</summary>
    public long Events => AsSource + AsTarget;
}

/// <summary>Event mentions located at one place.</summary>
/// <param name="Name">The place's name, or null.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country code, or null.</param>
/// <param name="Adm1">First-level division code, or null.</param>
/// <param name="Lat">Latitude in degrees.</param>
/// <param name="Lon">Longitude in degrees.</param>
/// <param name="Events">Mentions.</param>
/// <param name="Goldstein">The sum of their Goldstein values.</param>
public sealed record PlaceRow(string? Name, string? Country, string? Adm1, double Lat, double Lon, long Events, double Goldstein);
