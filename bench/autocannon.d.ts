// The part of autocannon's API bench/library.ts uses (the package ships no types).
declare module 'autocannon' {
  interface Request { method?: string; path?: string; headers?: Record<string, string>; body?: string }
  interface Options {
    url: string
    duration?: number
    connections?: number
    overallRate?: number
    requests?: (Request & { setupRequest?: (req: Request) => Request })[]
  }
  interface Histogram { average: number; p50: number; p90: number; p99: number; max: number }
  interface Result { latency: Histogram; requests: Histogram; non2xx: number; errors: number }
  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
