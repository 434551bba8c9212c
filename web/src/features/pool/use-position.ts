import { useCallback, useState } from 'react';

export type Position = { lat: number; lng: number };
export type PositionState = { position: Position | null; locating: boolean; request(): Promise<Position> };

/** The browser's position, asked for only when the person turns on nearby-first. */
export function usePosition(): PositionState {
  const [position, setPosition] = useState<Position | null>(null);
  const [locating, setLocating] = useState(false);
  const request = useCallback(
    () =>
      new Promise<Position>((resolve, reject) => {
        if (!('geolocation' in navigator)) {
          reject(new Error('unavailable'));
          return;
        }
        setLocating(true);
        navigator.geolocation.getCurrentPosition(
          (result) => {
            const next = { lat: result.coords.latitude, lng: result.coords.longitude };
            setPosition(next);
            setLocating(false);
            resolve(next);
          },
          (error) => {
            setLocating(false);
            reject(error);
          },
          { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
        );
      }),
    [],
  );
  return { position, locating, request };
}
