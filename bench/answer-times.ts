// Answer times of one operation class, in 1 ms steps up to the requests' timeout.
//
// autocannon's own percentiles leave out every answer that is not 2xx (a refused sign-up is an answer
// too), and its correction for coordinated omission takes the connection's interval as ceil(1 / rate)
// with the rate per second: 1 ms, so one 300 ms answer is counted as 300 answers. Here every answer
// counts, and the correction uses the connection's real interval: an answer later than it stands also
// for the requests the connection would have sent meanwhile.
export class AnswerTimes {
  private readonly counts: Float64Array;
  private total = 0;

  constructor(timeoutMs: number) {
    this.counts = new Float64Array(timeoutMs + 1);
  }

  record(ms: number, intervalMs: number) {
    this.add(ms);
    for (let missed = ms - intervalMs; missed >= intervalMs; missed -= intervalMs) this.add(missed);
  }

  private add(ms: number) {
    this.counts[Math.min(this.counts.length - 1, Math.max(0, Math.round(ms)))]! += 1;
    this.total += 1;
  }

  /** The smallest time that `percent` of the answers took at most, in ms. */
  percentile(percent: number): number {
    if (this.total === 0) return 0;
    const wanted = Math.ceil((percent / 100) * this.total);
    let seen = 0;
    for (let ms = 0; ms < this.counts.length; ms++) {
      seen += this.counts[ms]!;
      if (seen >= wanted) return ms;
    }
    return this.counts.length - 1;
  }
}

/**
 * Answer times of every class together, per window of the run's clock: whether a soak's slow answers
 * come evenly or in a few bad moments (a pause of the machine, a checkpoint) that decide its p99.
 */
export class AnswerTimeline {
  private readonly windows: AnswerTimes[] = [];
  private readonly start = Date.now();

  constructor(
    private readonly windowMs: number,
    private readonly timeoutMs: number,
  ) {}

  record(ms: number, intervalMs: number) {
    const i = Math.floor((Date.now() - this.start) / this.windowMs);
    while (this.windows.length <= i) this.windows.push(new AnswerTimes(this.timeoutMs));
    this.windows[i]!.record(ms, intervalMs);
  }

  percentiles(percent: number): number[] {
    return this.windows.map((w) => w.percentile(percent));
  }
}
