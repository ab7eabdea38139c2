#!/bin/sh
# Builds docker/Dockerfile where no image registry is reachable, runs the image and signs a user in with the AWS CLI.
# The two base images are made here from Debian packages (debootstrap) and passed as the Dockerfile's build
# arguments; everything else is the Dockerfile as it is. Needs root, buildah, debootstrap, curl, the AWS CLI, a
# Debian mirror and Maven Central (the build stage downloads the dependencies, as with docker build).
# The image runs with podman when it is installed, else with buildah run (RUNNER=podman or RUNNER=buildah).
# Usage (from the repository root): sudo docker/build-local.sh
# Settings: PORT (9229), IMAGE (localhost/cognito-emulator:local), WORK (/var/tmp/cognito-emulator-image),
#           MIRROR (http://deb.debian.org/debian), SUITE (bookworm), OCI_RUNTIME (runc, for podman).
set -eu

PORT=${PORT:-9229}
IMAGE=${IMAGE:-localhost/cognito-emulator:local}
WORK=${WORK:-/var/tmp/cognito-emulator-image}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SUITE=${SUITE:-bookworm}
BUILD_BASE=localhost/debian-maven-jdk17
RUNTIME_BASE=localhost/debian-jre17

log() { echo "build-local: $*" >&2; }

# base IMAGE PACKAGES: a local image of a minimal Debian with these packages (kept once made).
base() {
    if buildah inspect --type image "$1" >/dev/null 2>&1; then
        log "base $1 exists"
        return
    fi
    rootfs=$WORK/rootfs-${1##*/}
    rm -rf "$rootfs"
    mkdir -p "$WORK/debs"
    log "debootstrap $SUITE with $2 into $rootfs"
    debootstrap --variant=minbase --cache-dir="$WORK/debs" --include="$2" "$SUITE" "$rootfs" "$MIRROR" >"$rootfs.log"
    # The host's own certificate authorities (of a proxy that intercepts TLS, say) are trusted inside too, by
    # curl, apt and Java: else Maven cannot reach Maven Central from behind such a proxy.
    if ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then
        cp /usr/local/share/ca-certificates/*.crt "$rootfs/usr/local/share/ca-certificates/"
        mount -t proc proc "$rootfs/proc"
        chroot "$rootfs" update-ca-certificates >/dev/null 2>&1 || { umount "$rootfs/proc"; exit 1; }
        umount "$rootfs/proc"
    fi
    rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/archives/*.deb
    ctr=$(buildah from scratch)
    mnt=$(buildah mount "$ctr")
    cp -a "$rootfs/." "$mnt/"
    buildah umount "$ctr" >/dev/null
    buildah config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin --cmd /bin/bash "$ctr"
    buildah commit --rm -q "$ctr" "$1" >/dev/null
    rm -rf "$rootfs"
    log "base $1 made"
}

base "$RUNTIME_BASE" openjdk-17-jre-headless,curl,ca-certificates
base "$BUILD_BASE" openjdk-17-jdk-headless,maven,ca-certificates

log "building $IMAGE from docker/Dockerfile"
buildah bud --isolation chroot --network host --layers --format docker \
    --build-arg BUILD_IMAGE="$BUILD_BASE" --build-arg RUNTIME_IMAGE="$RUNTIME_BASE" \
    -t "$IMAGE" -f docker/Dockerfile .
log "image built: $(buildah images --format '{{.Name}}:{{.Tag}} {{.ID}} {{.Size}}' "$IMAGE")"

# Run it. With podman (its HEALTHCHECK then runs as Docker's would), else with buildah, whose containers have no
# health checks: there the HEALTHCHECK's command runs inside the container. Both share the host's network, so
# the server listens on the host's PORT. OCI_RUNTIME (runc) and the podman limits suit a host whose root lacks
# CAP_SYS_RESOURCE and whose cgroups are hybrid, where crun and podman's default limits fail.
if command -v podman >/dev/null; then
    RUNNER=${RUNNER:-podman}
else
    RUNNER=${RUNNER:-buildah}
fi
log "HEALTHCHECK of the image: $(buildah inspect --type image --format '{{.Docker.Config.Healthcheck.Test}}' "$IMAGE")"
if [ "$RUNNER" = podman ]; then
    # The checks run when health() asks (podman healthcheck run): without systemd, podman cannot start its timer
    # for them and says so ("unable to get systemd connection"), harmlessly.
    podman rm -f cognito-emulator-local >/dev/null 2>&1 || true
    trap 'podman --runtime "${OCI_RUNTIME:-runc}" rm -f -t 5 cognito-emulator-local >/dev/null' EXIT
    podman --runtime "${OCI_RUNTIME:-runc}" run -d --name cognito-emulator-local --network host \
        --ulimit nofile="$(ulimit -n):$(ulimit -Hn)" --ulimit nproc=4096:4096 \
        -e COGNITO_EMULATOR_PORT="$PORT" "$IMAGE" >/dev/null
    health() {
        podman --runtime "${OCI_RUNTIME:-runc}" healthcheck run cognito-emulator-local >/dev/null 2>&1 || true
        status=$(podman inspect --format '{{.State.Health.Status}}' cognito-emulator-local)
        log "podman: $status"
        [ "$status" = healthy ]
    }
    logs() { podman logs cognito-emulator-local; }
else
    ctr=$(buildah from -q "$IMAGE")
    trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; buildah rm "$ctr" >/dev/null' EXIT
    buildah run --isolation chroot --network host -e COGNITO_EMULATOR_PORT="$PORT" "$ctr" -- \
        java -XX:+ExitOnOutOfMemoryError -jar /app/cognito-emulator.jar >"$WORK/server.log" 2>&1 &
    server=$!
    health() {
        buildah run --isolation chroot --network host -e COGNITO_EMULATOR_PORT="$PORT" "$ctr" -- \
            /bin/sh /app/healthcheck.sh >/dev/null 2>&1 && log "buildah: the HEALTHCHECK command exited 0"
    }
    logs() { cat "$WORK/server.log"; }
fi
for i in $(seq 1 60); do
    if health; then
        break
    fi
    if [ "$i" = 60 ]; then
        log "not healthy after 60 tries"
        logs >&2
        exit 1
    fi
    sleep 2
done
log "healthy: $(curl -fsS "http://127.0.0.1:$PORT/health")"

export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=
idp() { aws --endpoint-url "http://127.0.0.1:$PORT" cognito-idp "$@"; }
pool=$(idp create-user-pool --pool-name local-image --query UserPool.Id --output text)
log "pool $pool"
idp admin-create-user --user-pool-id "$pool" --username alice --message-action SUPPRESS >/dev/null
idp admin-set-user-password --user-pool-id "$pool" --username alice --password 'Passw0rd!x' --permanent
client=$(idp create-user-pool-client --user-pool-id "$pool" --client-name local-image \
    --explicit-auth-flows ALLOW_USER_PASSWORD_AUTH ALLOW_REFRESH_TOKEN_AUTH \
    --query UserPoolClient.ClientId --output text)
log "client $client"
token=$(idp initiate-auth --client-id "$client" --auth-flow USER_PASSWORD_AUTH \
    --auth-parameters USERNAME=alice,PASSWORD='Passw0rd!x' --query AuthenticationResult.AccessToken --output text)
log "signed in: AccessToken $(echo "$token" | cut -c1-24)..."
